// Each test starts one to three `vibe` processes; run side by side they would starve each other (and their leases)
// on a two-core machine, so the tests of this project run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
