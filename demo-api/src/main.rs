//! `demo-api --help` lists the flags; on start it prints the URL to open and what to paste.

use clap::Parser;
use demo_api::config::{Config, DEMO_KEY, DEMO_KEY_WITHOUT_READ, DEMO_WORKSPACE};

#[tokio::main]
async fn main() {
    let config = Config::parse();
    if let Err(problem) = config.check() {
        eprintln!("demo-api: {problem}");
        std::process::exit(2);
    }
    let listener = match tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!(
                "demo-api: cannot listen on {}:{}: {e}",
                config.host, config.port
            );
            std::process::exit(1);
        }
    };
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    let base = format!("http://{addr}");
    if config.dist.is_some() {
        println!("Job Viewer demo: open {base}{}", config.dist_path);
    }
    println!(
        "Datachecks demo API at {base}/api/v1 with {} jobs (IDs 1001-{})",
        config.jobs,
        1000 + config.jobs
    );
    println!("  API key:      {DEMO_KEY}   (a key without read:job: {DEMO_KEY_WITHOUT_READ})");
    println!("  Workspace ID: {DEMO_WORKSPACE}");
    println!("  Job IDs to try: 1001-1012, 1020-1024 (live), 1042");
    let app = demo_api::app(config);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("demo-api: {e}");
        std::process::exit(1);
    }
}
