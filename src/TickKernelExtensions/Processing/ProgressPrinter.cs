using System.Globalization;

namespace TickKernelExtensions.Processing;

/// <summary>
/// Prints a stage's progress as it happens (<c>silver: 20/54 EURUSD 2024-03-07</c>, or a step's line), synchronously on the reporting
/// thread, so lines never arrive after the call that produced them returned (which <see cref="Progress{T}"/>, posting to
/// the thread pool, allows: in a notebook they would land in the next cell). Thread safe.
/// </summary>
public sealed class ProgressPrinter : IProgress<ProcessingProgress>, IProgress<string>
{
    private readonly TextWriter _writer;
    private readonly int _every;
    private readonly Lock _lock = new();

    /// <summary>Prints every <paramref name="every"/>th unit and the last one to <paramref name="writer"/> (default: standard output).</summary>
    public ProgressPrinter(TextWriter? writer = null, int every = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _writer = writer ?? Console.Out;
        _every = every;
    }

    /// <inheritdoc />
    public void Report(ProcessingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Done % _every != 0 && value.Done != value.Total)
        {
            return;
        }
        lock (_lock)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Done}/{value.Total} {value.Current}"));
        }
    }

    /// <summary>Prints a step's line as is (the training job reports its steps this way).</summary>
    public void Report(string value)
    {
        lock (_lock)
        {
            _writer.WriteLine(value);
        }
    }
}
