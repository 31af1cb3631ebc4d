"""One partition per raw document: each is materialized, checked and re-run on its own."""

import dagster as dg

# Key: the file's path relative to the raw folder, POSIX separators ("sub/000_744c7817.txt").
# Keys are added by the sensor, the schedule and `python -m assets.run`; never from code.
documents = dg.DynamicPartitionsDefinition(name="documents")
