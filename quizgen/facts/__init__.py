"""Stage 1, the fact base: source notes (YAML) in, a validated, typed `FactBase` out.

Takes in: a source-notes folder (`sources.yaml`, `entities.yaml`, `topics.yaml`, `facts/*.yaml`).
Gives out: `model.FactBase` (sources, entities, topics, facts as frozen records), or a
`FactBaseError` listing every problem as `path:line: message`.

Start reading at `loader.load_fact_base`. Reading YAML with line numbers is `yaml_lines`; field
checks are `field_reader`; one fact is `fact_reader` (its answers: `answer_reader`); ids and
cross-references are `references`. `proof` proves every evidence quote against the documents;
`selection` filters facts; `listing` and `digest` describe a base for people and for set files.
Imports nothing from the later stages.
"""
