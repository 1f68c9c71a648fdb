import { BrokersTable } from "./BrokersTable.tsx";
import { GroupsTable } from "./GroupsTable.tsx";
import { TextAlternativeOnly } from "./DataTable.tsx";
import { TopicsTable } from "./TopicsTable.tsx";

/**
 * The cluster as text, like Kafka's own tools print it. Beside the picture it stays in the
 * page for screen readers only (the picture's text alternative); in the Tables view it is shown.
 */
export function TablesView({ shown }: { shown: boolean }) {
  return (
    <div className={shown ? "tables-view" : "tables-text-alternative"}>
      <TextAlternativeOnly.Provider value={!shown}>
        <TopicsTable />
        <GroupsTable />
        <BrokersTable />
      </TextAlternativeOnly.Provider>
    </div>
  );
}
