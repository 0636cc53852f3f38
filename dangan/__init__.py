"""dangan (档案): archive, search and compose a campaign office's documents."""
__version__ = "0.1.0"
