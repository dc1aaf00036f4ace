"""The data stage: YAML read with positions, validated, figures computed, prose rendered."""
