//! `cargo xtask bench-conformance`: what the conformance layer (axum) and
//! the conformance middleware (actix-web) cost a server under traffic they
//! report, measured on loopback.
//!
//! For each framework, two servers run as processes of their own: the
//! same app (a handler that declares 200 and 404 at `GET /tasks/{id}`),
//! one watched and one not. Every request is one the watch reports: for
//! axum, `GET /tasks/abc`, whose `Path<u32>` answers an undeclared 400;
//! for actix-web, `PUT /tasks/1`, the router's 405 on a served path. After
//! a warm-up, rounds of requests alternate between the two, sent by a client
//! process of its own; where `taskset` is installed, the servers run on
//! the first core and the client on the second, so that they do not take
//! turns on one. The report gives the median throughput of each and their
//! ratio, the server's CPU time per request (from `/proc`, which the
//! client's scheduling does not move), the resident memory of each server
//! before and after, and the lines the layer logged.
//!
//! ```sh
//! cargo xtask bench-conformance [--framework axum|actix|both] [--requests 500000] [--rounds 9] [--connections 16]
//! ```

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Instant;

use axum::Router;
use axum::extract::Path;
use http_body_util::{BodyExt, Empty};
use http_returns::bundled as statuses;
use http_returns::conformance::ConformanceLayer;
use http_returns::routing::{Routes, get};
use http_returns::{Reply, returns};
use hyper::body::Bytes;

/// Declares 200 and 404; `Path<u32>` answers 400 to `abc` before it runs.
#[returns(200, 404)]
async fn show(Path(id): Path<u32>) -> Reply<String> {
    Reply::not_found(format!("no task {id}"))
}

/// The actix-web handler: the same declaration; its 405 comes from the
/// router, for a method the path does not serve.
#[returns(200, 404)]
async fn show_actix(id: actix_web::web::Path<u32>) -> Reply<String> {
    Reply::not_found(format!("no task {id}"))
}

/// A framework under test, and the request that its watch reports.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Framework {
    Axum,
    Actix,
}

impl Framework {
    fn name(self) -> &'static str {
        match self {
            Framework::Axum => "axum",
            Framework::Actix => "actix",
        }
    }

    fn parse(name: &str) -> Result<Framework, String> {
        match name {
            "axum" => Ok(Framework::Axum),
            "actix" => Ok(Framework::Actix),
            other => Err(format!("unknown framework {other}: axum or actix")),
        }
    }

    /// The request sent, and the status it must get.
    fn request(self) -> (&'static str, &'static str, u16) {
        match self {
            Framework::Axum => ("GET", "/tasks/abc", 400),
            Framework::Actix => ("PUT", "/tasks/1", 405),
        }
    }

    /// How the report names the watch and the request.
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Framework::Axum => (
                "layer",
                "GET /tasks/abc: Path<u32> answers 400, which the handler does not declare",
            ),
            Framework::Actix => (
                "middleware",
                "PUT /tasks/1: the router's 405 on a served path, which no handler declares",
            ),
        }
    }
}

/// The router, with the layer or without.
fn app(layer: bool) -> Router {
    let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
    let conformance = ConformanceLayer::new(&routes);
    let router = routes.into_router();
    if layer {
        router.layer(conformance)
    } else {
        router
    }
}

/// What the command line asks for.
struct Options {
    frameworks: Vec<Framework>,
    requests: usize,
    rounds: usize,
    connections: usize,
    warm_up: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => {
            Framework::parse(args.get(1).map_or("", String::as_str)).and_then(|framework| {
                serve(
                    framework,
                    args.get(2).map(String::as_str) == Some("--layer"),
                )
            })
        }
        Some("load") => load_command(&args[1..]),
        _ => options(&args).and_then(|options| bench(&options)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        frameworks: vec![Framework::Axum, Framework::Actix],
        requests: 500_000,
        rounds: 9,
        connections: 16,
        warm_up: 20_000,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        if flag == "--framework" {
            options.frameworks = match args.next().map(String::as_str) {
                Some("both") => vec![Framework::Axum, Framework::Actix],
                Some(name) => vec![Framework::parse(name)?],
                None => return Err("--framework takes axum, actix or both".to_owned()),
            };
            continue;
        }
        let value = args
            .next()
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&v| v > 0)
            .ok_or_else(|| format!("{flag} takes a positive number"))?;
        match flag.as_str() {
            "--requests" => options.requests = value,
            "--rounds" => options.rounds = value,
            "--connections" => options.connections = value,
            "--warm-up" => options.warm_up = value,
            other => {
                return Err(format!(
                    "unknown option {other}; options: --framework axum|actix|both, --requests N, \
                     --rounds N, --connections N, --warm-up N"
                ));
            }
        }
    }
    Ok(options)
}

/// A server: prints its address, then serves until killed. Its reports
/// go to stderr, as a service's would.
fn serve(framework: Framework, layer: bool) -> Result<(), String> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    if framework == Framework::Actix {
        return serve_actix(layer);
    }
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot bind: {e}"))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        println!("{address}");
        axum::serve(listener, app(layer))
            .await
            .map_err(|e| format!("serve: {e}"))
    })
}

/// The actix-web server: one worker, as the axum server has one thread.
fn serve_actix(middleware: bool) -> Result<(), String> {
    use actix_web::{App, HttpServer};
    use http_returns::actix;
    let routes =
        actix::Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", actix::get(show_actix));
    let conformance = actix::Conformance::new(&routes);
    // Two apps of two types: the one without is the same app, unwrapped.
    macro_rules! run {
        ($app:expr) => {{
            let server = HttpServer::new($app)
                .workers(1)
                .bind("127.0.0.1:0")
                .map_err(|e| format!("cannot bind: {e}"))?;
            let address = server.addrs().first().copied().ok_or("no address")?;
            println!("{address}");
            server.run().await.map_err(|e| format!("serve: {e}"))
        }};
    }
    actix_web::rt::System::new().block_on(async move {
        if middleware {
            run!(move || App::new()
                .wrap(conformance.clone())
                .configure(|config| routes.configure(config)))
        } else {
            run!(move || App::new().configure(|config| routes.configure(config)))
        }
    })
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start tokio: {e}"))
}

/// A server process, its address, and the file its stderr goes to.
struct Server {
    child: Child,
    address: SocketAddr,
    log: PathBuf,
}

impl Server {
    fn start(framework: Framework, layer: bool) -> Result<Server, String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let log = std::env::temp_dir().join(format!(
            "bench-conformance-{}-{}-{}.log",
            std::process::id(),
            framework.name(),
            if layer { "layer" } else { "plain" }
        ));
        let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let mut command = pinned(0, exe);
        command.arg("serve").arg(framework.name());
        if layer {
            command.arg("--layer");
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::from(file))
            .spawn()
            .map_err(|e| format!("cannot start a server: {e}"))?;
        let mut line = String::new();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let address = line
            .trim()
            .parse()
            .map_err(|_| format!("the server said {line:?}, not its address"))?;
        Ok(Server {
            child,
            address,
            log,
        })
    }

    /// Resident memory, in kB, from `/proc`.
    fn resident_kb(&self) -> Result<u64, String> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .map_err(|e| format!("cannot read the server's memory: {e}"))?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| "no VmRSS in /proc/PID/status".to_owned())
    }

    /// CPU time the server has used so far, in clock ticks (user and
    /// system, fields 14 and 15 of `/proc/PID/stat`).
    fn cpu_ticks(&self) -> Result<u64, String> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))
            .map_err(|e| format!("cannot read the server's CPU time: {e}"))?;
        // The command name, field 2, is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace()
            .collect();
        let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
        match (field(14), field(15)) {
            (Some(user), Some(system)) => Ok(user + system),
            _ => Err("unexpected /proc/PID/stat".to_owned()),
        }
    }

    fn log_lines(&self) -> Result<Vec<String>, String> {
        let text = std::fs::read_to_string(&self.log).map_err(|e| e.to_string())?;
        Ok(text.lines().map(str::to_owned).collect())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

/// `taskset -c CORE program`, where `taskset` is installed; else `program`.
fn pinned(core: usize, program: PathBuf) -> Command {
    if has_taskset() {
        let mut command = Command::new("taskset");
        command.arg("-c").arg(core.to_string()).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn has_taskset() -> bool {
    Command::new("taskset")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Runs the client as a process of its own, on the second core: sends
/// `requests` of `framework`'s request to `address` over `connections`
/// keep-alive connections; returns requests per second.
fn load(
    framework: Framework,
    address: SocketAddr,
    requests: usize,
    connections: usize,
) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = pinned(1, exe)
        .args([
            "load".to_owned(),
            framework.name().to_owned(),
            address.to_string(),
            requests.to_string(),
            connections.to_string(),
        ])
        .output()
        .map_err(|e| format!("cannot start the client: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "the client failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    text.trim()
        .parse()
        .map_err(|_| format!("the client said {text:?}, not a rate"))
}

/// `load FRAMEWORK ADDRESS REQUESTS CONNECTIONS`: the client; prints
/// requests per second.
fn load_command(args: &[String]) -> Result<(), String> {
    let [framework, address, requests, connections] = args else {
        return Err("load takes FRAMEWORK ADDRESS REQUESTS CONNECTIONS".to_owned());
    };
    let framework = Framework::parse(framework)?;
    let address: SocketAddr = address.parse().map_err(|_| "not an address")?;
    let requests: usize = requests.parse().map_err(|_| "not a count")?;
    let connections: usize = connections.parse().map_err(|_| "not a count")?;
    let rate = runtime()?.block_on(async move {
        let start = Instant::now();
        let mut tasks = Vec::new();
        for connection in 0..connections {
            let share = requests / connections + usize::from(connection < requests % connections);
            tasks.push(tokio::spawn(one_connection(framework, address, share)));
        }
        for task in tasks {
            task.await.map_err(|e| e.to_string())??;
        }
        Ok::<f64, String>(requests as f64 / start.elapsed().as_secs_f64())
    })?;
    println!("{rate}");
    Ok(())
}

async fn one_connection(
    framework: Framework,
    address: SocketAddr,
    requests: usize,
) -> Result<(), String> {
    let (method, path, status) = framework.request();
    let stream = tokio::net::TcpStream::connect(address)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(connection);
    for _ in 0..requests {
        let request = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1")
            .body(Empty::<Bytes>::new())
            .map_err(|e| e.to_string())?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| format!("request: {e}"))?;
        if response.status() != status {
            return Err(format!("expected {status}, got {}", response.status()));
        }
        response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("body: {e}"))?;
    }
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn bench(options: &Options) -> Result<(), String> {
    for (at, &framework) in options.frameworks.iter().enumerate() {
        if at > 0 {
            println!();
        }
        bench_one(framework, options)?;
    }
    Ok(())
}

/// The two servers of `framework`, loaded in alternating rounds.
fn bench_one(framework: Framework, options: &Options) -> Result<(), String> {
    let with = Server::start(framework, true)?;
    let without = Server::start(framework, false)?;
    load(
        framework,
        with.address,
        options.warm_up,
        options.connections,
    )?;
    load(
        framework,
        without.address,
        options.warm_up,
        options.connections,
    )?;
    let before = (with.resident_kb()?, without.resident_kb()?);
    let per_round = options.requests / options.rounds;
    let (mut rates_with, mut rates_without) = (Vec::new(), Vec::new());
    let (mut cpu_with, mut cpu_without) = (Vec::new(), Vec::new());
    for _ in 0..options.rounds {
        for (server, rates, cpu) in [
            (&with, &mut rates_with, &mut cpu_with),
            (&without, &mut rates_without, &mut cpu_without),
        ] {
            let ticks = server.cpu_ticks()?;
            rates.push(load(
                framework,
                server.address,
                per_round,
                options.connections,
            )?);
            cpu.push((server.cpu_ticks()? - ticks) as f64);
        }
    }
    let after = (with.resident_kb()?, without.resident_kb()?);
    let logged = with.log_lines()?;
    let (rate_with, rate_without) = (median(&mut rates_with), median(&mut rates_without));
    // Clock ticks are 1/100 s on Linux.
    let micros = |ticks: f64| ticks * 10_000.0 / per_round as f64;
    let (cpu_with, cpu_without) = (
        micros(median(&mut cpu_with)),
        micros(median(&mut cpu_without)),
    );
    print_report(
        framework,
        options,
        &Measured {
            rates: (rate_with, rate_without),
            cpu: (cpu_with, cpu_without),
            before,
            after,
            logged,
        },
    );
    Ok(())
}

/// What one framework's run measured: each pair is (watched, not).
struct Measured {
    rates: (f64, f64),
    cpu: (f64, f64),
    before: (u64, u64),
    after: (u64, u64),
    logged: Vec<String>,
}

fn print_report(framework: Framework, options: &Options, measured: &Measured) {
    let (watch, request) = framework.describe();
    let Measured {
        rates: (rate_with, rate_without),
        cpu: (cpu_with, cpu_without),
        before,
        after,
        logged,
    } = measured;
    let per_round = options.requests / options.rounds;
    let mb = |kb: u64| kb as f64 / 1024.0;
    let growth = |(b, a): (u64, u64)| (a as f64 - b as f64) / 1024.0;
    let total = per_round * options.rounds;
    println!(
        "{}: {total} undeclared requests to each server ({request}),",
        framework.name()
    );
    println!(
        "after {} of warm-up; {} keep-alive connections on loopback; {} alternating rounds of {per_round}; {}:",
        options.warm_up,
        options.connections,
        options.rounds,
        if has_taskset() {
            "servers on core 0, client on core 1"
        } else {
            "not pinned to cores (no taskset)"
        }
    );
    let with = format!("with the {watch}:");
    let without = format!("without the {watch}:");
    let width = without.len();
    println!(
        "  {with:<width$} {rate_with:>8.0} requests/s, {cpu_with:.2} µs of server CPU a request (medians)"
    );
    println!(
        "  {without:<width$} {rate_without:>8.0} requests/s, {cpu_without:.2} µs of server CPU a request"
    );
    println!(
        "  throughput ratio: {:.2}x (target: at least 0.90x); CPU a request: {:.2}x",
        rate_with / rate_without,
        cpu_with / cpu_without
    );
    println!(
        "  resident memory, {with:<width$} {:.1} MB -> {:.1} MB ({:+.2} MB; target: under +1 MB)",
        mb(before.0),
        mb(after.0),
        growth((before.0, after.0))
    );
    println!(
        "  resident memory, {without:<width$} {:.1} MB -> {:.1} MB ({:+.2} MB)",
        mb(before.1),
        mb(after.1),
        growth((before.1, after.1))
    );
    let warnings: Vec<&String> = logged
        .iter()
        .filter(|line| line.contains(" WARN "))
        .collect();
    println!(
        "  warning lines, warm-up included: {} of {} log lines (target: under 100); the last: {}",
        warnings.len(),
        logged.len(),
        warnings
            .last()
            .map(|line| line.split(" method=").next().unwrap_or(line))
            .unwrap_or("none")
    );
}
