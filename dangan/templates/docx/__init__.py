"""The .docx templates (built by `python -m dangan.templates.docx.build_templates`)."""
