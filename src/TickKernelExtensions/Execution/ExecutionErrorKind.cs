namespace TickKernelExtensions.Execution;

/// <summary>Why the demo executor or its journal refused (see <see cref="ExecutionException"/>).</summary>
public enum ExecutionErrorKind
{
    /// <summary>An options record has bad or unsupported fields (all are listed).</summary>
    InvalidOptions,
    /// <summary>A tick or signal is unusable: bad price, invalid signal fields, unknown instrument.</summary>
    InvalidInput,
    /// <summary>A journal line in the middle of the file is damaged (bad checksum, bad JSON, a sequence gap).</summary>
    CorruptJournal,
    /// <summary>The journal belongs to another account (initial balance or currency differ from the options).</summary>
    JournalMismatch,
}
