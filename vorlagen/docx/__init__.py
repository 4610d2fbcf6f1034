"""OOXML in one place: namespaces, the package (zip), styles, rich content as WordprocessingML."""
