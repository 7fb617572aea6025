// Shared first cell of every stage notebook: `#load "_setup.csx"`.
// References the built library (run `dotnet build` at the repository root first); its dependencies
// sit next to it. `using` directives do not flow out of a #load, so each notebook lists its own.
#r "../artifacts/bin/TickKernelExtensions/debug/TickKernelExtensions.dll"

// Rich HTML for Plotly charts and data frames (the library's own result types need no call). Idempotent.
TickKernelExtensions.Display.NotebookDisplay.Register();
