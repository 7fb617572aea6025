namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Random search over a grid of tree hyperparameters, selected on the validation part. The grid is shuffled by a
/// seeded Fisher-Yates (SplitMix64, so the order is the same on every machine and .NET version), trials run in that
/// order until the grid, <see cref="HyperparameterSearchOptions.MaxTrials"/> or the time budget runs out, and the
/// best parameters are refitted. Every trial is returned: the count of validation looks is what a deflated
/// statistic needs. Deterministic given the seed unless the time budget cuts it short. Not thread safe per call.
/// </summary>
public static class HyperparameterSearch
{
    /// <summary>Runs the search on <paramref name="set"/>'s train (fit) and validation (select) parts; the test part is not touched.</summary>
    /// <exception cref="ModelingException">InvalidOptions; TrainingFailed from a trial.</exception>
    /// <exception cref="OperationCanceledException">Between trials, when <paramref name="cancellationToken"/> fires.</exception>
    public static HyperparameterSearchResult Run(TrainingSet set, HyperparameterSearchOptions? options = null, TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= HyperparameterSearchOptions.Default;
        options.Validate();
        time ??= TimeProvider.System;
        var candidates = Shuffle(options.Grid().ToArray(), options.Seed);
        var start = time.GetTimestamp();
        var trials = new List<SearchTrial>();
        var models = new List<PatternModel>();
        var stoppedBy = "grid exhausted";
        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (trials.Count >= options.MaxTrials)
            {
                stoppedBy = "max trials";
                break;
            }
            if (trials.Count > 0 && options.TimeBudget is { } budget && time.GetElapsedTime(start) >= budget)
            {
                stoppedBy = "time budget";
                break;
            }
            var trialStart = time.GetTimestamp();
            var model = PatternModel.Train(set, candidate);
            models.Add(model);
            trials.Add(new SearchTrial(trials.Count, candidate, model.Evaluate(set.Train), model.Evaluate(set.Validation), time.GetElapsedTime(trialStart)));
        }
        var best = trials[0];
        foreach (var trial in trials.Skip(1))
        {
            if (trial.Validation.Auc > best.Validation.Auc
                || (trial.Validation.Auc == best.Validation.Auc && trial.Validation.LogLoss < best.Validation.LogLoss))
            {
                best = trial;
            }
        }
        // Training is deterministic, so refitting on train would reproduce the best trial's model: reuse it.
        var refit = options.RefitOn == RefitPart.Train
            ? models[best.Index]
            : PatternModel.Train(set.Train.Concat(set.Validation), set.FeatureNames, best.Options);
        return new HyperparameterSearchResult(trials, best, stoppedBy, options.RefitOn, refit, candidates.Length);
    }

    private static PatternModelOptions[] Shuffle(PatternModelOptions[] items, int seed)
    {
        var state = (ulong)(uint)seed;
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
