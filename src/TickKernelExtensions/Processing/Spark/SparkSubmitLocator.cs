namespace TickKernelExtensions.Processing.Spark;

/// <summary>Finds the <c>spark-submit</c> program: <c>$SPARK_HOME/bin/spark-submit</c>, else the first on <c>PATH</c>.</summary>
public static class SparkSubmitLocator
{
    /// <summary>
    /// The full path of <c>spark-submit</c>, or null. With a <paramref name="sparkHome"/> only its <c>bin/</c> is looked
    /// in (an explicit Spark install must not be silently replaced by another); otherwise each <paramref name="path"/>
    /// entry (the <c>PATH</c> variable's value) in order.
    /// </summary>
    public static string? Find(string? sparkHome, string? path)
    {
        var name = OperatingSystem.IsWindows() ? "spark-submit.cmd" : "spark-submit";
        if (!string.IsNullOrEmpty(sparkHome))
        {
            var candidate = Path.Combine(sparkHome, "bin", name);
            return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        }
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    /// <summary>The error a caller shows when <see cref="Find"/> returns null: names SPARK_HOME and PATH and what was searched.</summary>
    public static string NotFoundMessage(string? sparkHome) => string.IsNullOrEmpty(sparkHome)
        ? "spark-submit not found: SPARK_HOME is not set and no spark-submit is on PATH. Install Spark 3.5 and set SPARK_HOME (or put its bin/ on PATH), or use --livy-url, or --dry-run to print the command."
        : $"spark-submit not found in SPARK_HOME ({sparkHome}/bin/spark-submit). Point SPARK_HOME at a Spark 3.5 install (or unset it to search PATH), or use --livy-url, or --dry-run to print the command.";
}
