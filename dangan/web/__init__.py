"""The web desk (`dangan serve`): the library's search, documents, upload, dossiers and minutes in a browser."""
