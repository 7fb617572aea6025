namespace TickKernelExtensions.Modeling.Training;

/// <summary>What <see cref="HyperparameterSearch"/> refits the best parameters on.</summary>
public enum RefitPart
{
    /// <summary>
    /// The train part alone (the default): the refit model is the best trial's model, and its validation metrics stay
    /// out of sample (though selected on), so the report's train-vs-validation gap keeps its meaning.
    /// </summary>
    Train,
    /// <summary>Train followed by validation: more (and more recent) data, but validation metrics become in-sample.</summary>
    TrainAndValidation,
}
