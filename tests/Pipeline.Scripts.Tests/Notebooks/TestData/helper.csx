// Loaded by outputs.ipynb with #load "helper.csx": resolved relative to the notebook (or --cwd).
int Twice(int x) => x * 2;
