import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";

import { App } from "./App";
import { LanguageProvider } from "./i18n/i18n";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <BrowserRouter basename="/admin">
          <App />
        </BrowserRouter>
      </LanguageProvider>
    </StrictMode>,
  );
}
