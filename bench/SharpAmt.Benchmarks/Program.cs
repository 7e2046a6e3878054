using SharpAmt.Benchmarks;

// Bounded load harness: every run has a fixed duration or count. See bench/README.md.
return args.FirstOrDefault() switch
{
    "get-rate" => await GetRateBenchmark.RunAsync(args[1..]),
    "fleet-start" => await FleetStartBenchmark.RunAsync(args[1..]),
    "eoi-rate" => await EoiRateBenchmark.RunAsync(args[1..]),
    "relay-latency" => await RelayLatencyBenchmark.RunAsync(args[1..]),
    "ider-throughput" => await IderThroughputBenchmark.RunAsync(args[1..]),
    "sol-latency" => await SolLatencyBenchmark.RunAsync(args[1..]),
    "sol-fleet" => await SolFleetBenchmark.RunAsync(args[1..]),
    "screen-render" => await ScreenRenderBenchmark.RunAsync(args[1..]),
    "kvm-encode" => await KvmEncodeBenchmark.RunAsync(args[1..]),
    "kvm-gateway" => await KvmGatewayBenchmark.RunAsync(args[1..]),
    "kvm-server-update" => await KvmServerUpdateBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SharpAmt.Benchmarks get-rate [--seconds N] [--mode keep-alive|new-connection|tls|all] [--amt PATH/amt.dll]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks fleet-start --amt PATH/amt.dll [--count N] [--first-address A]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks eoi-rate --amt PATH/amt.dll [--seconds N] [--address A]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks relay-latency [--seconds N] [--amt PATH/amt.dll]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks ider-throughput [--mib N] [--chunk BYTES] [--read-size BYTES] [--batch BYTES] [--address A] [--image PATH]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks sol-latency --amt PATH/amt.dll [--seconds N] [--address A] [--mode shell|echo]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks sol-fleet --amt PATH/amt.dll [--seconds N] [--count N] [--interval-ms MS] [--first-address A]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks screen-render [--seconds N] [--address A]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks kvm-encode [--frames N]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks kvm-gateway [--seconds N] [--rate FPS] [--moves N] [--viewer-encoding zrle|raw] [--only latency] [--first-address A]");
    Console.Error.WriteLine("       SharpAmt.Benchmarks kvm-server-update [--updates N] [--address A]");
    return 2;
}
