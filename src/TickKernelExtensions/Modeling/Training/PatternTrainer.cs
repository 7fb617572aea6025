namespace TickKernelExtensions.Modeling.Training;

/// <summary>The gradient-boosted tree learner of a <see cref="PatternModel"/>.</summary>
public enum PatternTrainer
{
    /// <summary>ML.NET's LightGBM binary trainer (native LightGBM, single-threaded here for determinism). The default.</summary>
    LightGbm,
    /// <summary>ML.NET's managed FastTree binary trainer.</summary>
    FastTree,
}
