namespace Pipeline.Scripts.Tests;

public sealed class PipelineCliTests
{
    [Fact]
    public void Build_HasDescription() => Assert.False(string.IsNullOrWhiteSpace(PipelineCli.Build().Description));
}
