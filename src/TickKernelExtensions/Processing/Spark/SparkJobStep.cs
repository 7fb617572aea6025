namespace TickKernelExtensions.Processing.Spark;

/// <summary>
/// A subcommand of the production Spark job (<c>deploy/spark/jobs/tick_pipeline.py</c>); each is one stage of the
/// embedded engine run on Spark over the same Iceberg catalog (see <c>docs/spark.md</c> for the step mapping).
/// </summary>
public enum SparkJobStep
{
    /// <summary><c>silver</c>: bronze.ticks → silver.ticks and silver.quality (the C# <c>TickCleaner</c>).</summary>
    Silver,

    /// <summary><c>bars</c>: silver.ticks → gold.bars_&lt;label&gt; (the C# bar builders).</summary>
    Bars,

    /// <summary><c>features</c>: gold.bars_&lt;label&gt; → gold.features_&lt;set&gt;_v&lt;version&gt; (the C# <c>FeatureSetCalculator</c>).</summary>
    Features,
}
