// Each test class starts its own host and browser; on the two cores CI has, running them side by side made page loads
// time out, so the classes take turns.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
