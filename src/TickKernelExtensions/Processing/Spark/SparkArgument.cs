namespace TickKernelExtensions.Processing.Spark;

/// <summary>
/// One argument of a <c>spark-submit</c> command line. A secret argument is <see cref="Text"/> followed by the value of
/// the environment variable <see cref="SecretVariable"/>: it is shown as <c>text"$VARIABLE"</c> and only resolved when the
/// command really runs, so a printed or logged command never holds the secret.
/// </summary>
/// <param name="Text">The literal text (for a secret, the part before the value, e.g. <c>spark.sql.catalog.lake.jdbc.password=</c>).</param>
/// <param name="SecretVariable">The environment variable whose value completes the argument; null for a plain argument.</param>
public sealed record SparkArgument(string Text, string? SecretVariable = null)
{
    /// <summary>The argument as a POSIX shell word: quoted literal text, then <c>"$VARIABLE"</c> for a secret.</summary>
    public string ToShell() =>
        SecretVariable is null ? ShellQuote.Quote(Text) : (Text.Length == 0 ? "" : ShellQuote.Quote(Text)) + "\"$" + SecretVariable + "\"";
}
