"""One module per group of pages; each function adds files to a RenderContext."""
