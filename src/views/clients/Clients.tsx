import { ConsumerGroups } from "./ConsumerGroups.tsx";
import { Producers } from "./Producers.tsx";
import "./clients.css";

/** Producers on the left, consumer groups on the right: the way records flow. */
export function Clients() {
  return (
    <div className="clients">
      <Producers />
      <ConsumerGroups />
    </div>
  );
}
