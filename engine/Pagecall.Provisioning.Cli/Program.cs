using Pagecall.Provisioning.Cli;

return await CliApplication.RunAsync(args, ConsoleOutput.FromSystemConsole());
