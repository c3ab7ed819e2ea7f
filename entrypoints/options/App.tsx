export function App() {
  return (
    <main>
      <h1>Song ngữ settings</h1>
    </main>
  );
}
