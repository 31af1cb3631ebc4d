"""One partition per raw document: each is materialized and checked on its own, many per run."""

from collections.abc import Iterator

import dagster as dg

# Key: the file's path relative to the raw folder, POSIX separators ("sub/000_744c7817.txt").
# Keys are added by the sensor, the schedule and `python -m assets.run`; never from code.
documents = dg.DynamicPartitionsDefinition(name="documents")

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def ranges(pending: list[str], order: list[str], size: int) -> Iterator[tuple[str, str, list[str]]]:
    """(first, last, the pending keys from first to last): the runs that ingest `pending`,
    each a range of the partitions in their order (`order`, as Dagster keeps them) spanning at
    most `size` of them. A document between two pending ones is in the range too: its bytes
    are found landed and it is left alone."""
    position = {key: n for n, key in enumerate(order)}
    members: list[str] = []
    for key in sorted(pending, key=position.__getitem__):
        if members and position[key] - position[members[0]] >= size:
            yield members[0], members[-1], members
            members = []
        members.append(key)
    if members:
        yield members[0], members[-1], members


def range_tags(first: str, last: str) -> dict[str, str]:
    """The tags that make a run materialize the partitions from `first` to `last`."""
    return {RANGE_START: first, RANGE_END: last}
