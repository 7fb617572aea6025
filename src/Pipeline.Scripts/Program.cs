using Pipeline.Scripts;

return await PipelineCli.InvokeAsync(args);
