using LstmGen.Demo.Cli;

return DemoCommandLine.Run(args, Console.Out, Console.Error);
