"""Executes a notebook through our kernel with nbclient (Debian python3-nbclient) and saves it.

Usage: execute_notebook.py IN.ipynb OUT.ipynb
The kernel is the one the notebook's metadata.kernelspec names, found through JUPYTER_PATH; the
kernel's working directory is the notebook's folder, as with `jupyter execute`.
"""
import os, sys

import nbformat
from nbclient import NotebookClient

source, target = sys.argv[1], sys.argv[2]
nb = nbformat.read(source, as_version=4)
client = NotebookClient(nb, timeout=600, startup_timeout=120, allow_errors=False, record_timing=True,
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}})
client.execute()
nbformat.validate(nb)
nbformat.write(nb, target)
