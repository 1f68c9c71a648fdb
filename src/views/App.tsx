import { useState } from "react";
import { openBuiltinScenario } from "../store/index.ts";
import { Simulator } from "./Simulator.tsx";
import "./styles.css";

export function App() {
  // One store per mounted simulation, created once.
  const [opened] = useState(() => openBuiltinScenario("default"));
  return (
    <div className="app">
      <header className="app-header">
        <h1>Brokerlab</h1>
        <p className="tagline">An Apache Kafka cluster you can break, in your browser.</p>
      </header>
      <main>
        {opened.ok ? (
          <Simulator store={opened.store} />
        ) : (
          <p role="alert">{opened.errors.join(" ")}</p>
        )}
      </main>
    </div>
  );
}
