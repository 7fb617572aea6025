using Pipeline.Scripts;

return await PipelineCli.Build().Parse(args).InvokeAsync();
