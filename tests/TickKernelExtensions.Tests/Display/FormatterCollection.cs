namespace TickKernelExtensions.Tests.Display;

/// <summary>
/// Tests that reset or register Formatter state, which is static for the process: they run one at a time, and
/// (as a collection with parallelization disabled) after every parallel test has finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FormatterCollection
{
    public const string Name = "Formatter (static state)";
}
