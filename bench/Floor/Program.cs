// The least a .NET console program can do: start the runtime and print a line.
System.Console.WriteLine("floor");
