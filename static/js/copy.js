// Copy buttons for the source panels: progressive enhancement.
// Without JavaScript the buttons stay hidden and every panel's text is still
// there to read and select; with it, a button copies its panel's exact text.

const buttons = document.querySelectorAll("button[data-copy]");

// A live region, so that screen readers hear what a click did.
const status = document.createElement("p");
status.className = "visually-hidden copy-status";
status.setAttribute("role", "status");
if (buttons.length) document.body.append(status);

for (const button of buttons) {
  const code = document.getElementById(button.dataset.copy);
  if (!code || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const name = code.closest("details")?.querySelector(".source-name")?.textContent ?? "the code";
    try {
      await navigator.clipboard.writeText(code.textContent);
      button.textContent = "Copied";
      status.textContent = `Copied ${name}`;
    } catch {
      // The clipboard can be refused (an insecure origin, a denied permission): select instead.
      window.getSelection().selectAllChildren(code);
      button.textContent = "Selected: press Ctrl+C";
      status.textContent = `Could not copy ${name}: it is selected instead`;
    }
    setTimeout(() => {
      button.textContent = "Copy";
    }, 2000);
  });
}
