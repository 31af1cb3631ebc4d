"""Downloads: every configured URL fetched into the download folder (by default raw/downloads,
where the raw-folder sensor then finds it). A failed URL is reported, never fatal: the other
sources and the documents already on disk are unaffected."""

import dagster as dg

from pipelines.sources import load_sources, pull


@dg.asset(group_name="sources", kinds={"http"})
def downloaded_documents(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    sources = load_sources()
    results = pull(sources)
    for r in results:
        if r.status == "failed":
            context.log.warning(f"{r.url}: {r.problem} (after {r.attempts} attempts)")
    table = "\n".join(
        ["| url | status | file | problem |", "| --- | --- | --- | --- |"]
        + [f"| {r.url} | {r.status} | {r.path.name if r.path else ''} | {r.problem or ''} |"
           for r in results]
    )
    return dg.MaterializeResult(metadata={
        "urls": len(results),
        **{s: sum(r.status == s for r in results) for s in ("downloaded", "duplicate", "failed")},
        "download_folder": str(sources.download_dir),
        "results": dg.MetadataValue.md(table if results else "(no URLs configured)"),
    })
