"""The commands beside render and check: init, new-department, new-period, list, schema, watch."""
