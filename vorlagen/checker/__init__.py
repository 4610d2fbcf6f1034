"""Template checks: tags read from the XML, names resolved against the model, problems."""
