"""The staff's tools around the pipeline: ``cchc new`` (scaffold), ``cchc import``
(importer), ``cchc init`` (init_repo and its templates), YAML edits that keep
staff text, the editor schema and field descriptions, and the ledger of
published URLs."""
