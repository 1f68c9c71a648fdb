import "./styles.css";

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Brokerlab</h1>
        <p className="tagline">An Apache Kafka cluster you can break, in your browser.</p>
      </header>
      <main>
        <p className="welcome">
          Watch records travel from producers to partition leaders, see followers replicate them,
          and find out what is lost when a broker dies.
        </p>
        <section aria-label="Cluster" className="cluster-placeholder">
          <p>The cluster will appear here.</p>
        </section>
      </main>
    </div>
  );
}
