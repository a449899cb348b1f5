using Vibe.Host;

return await VibeCli.RunAsync(args);
