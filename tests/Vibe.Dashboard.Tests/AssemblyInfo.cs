// Each test starts a dashboard, often a service and a browser: run side by side they would starve each other on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
