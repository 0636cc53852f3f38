"""Meeting minutes (纪要) from a speech or a meeting record: reading, condensing, tasks, rendering."""
