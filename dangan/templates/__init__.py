"""DOCX templates and the script that builds them."""
