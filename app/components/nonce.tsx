import { createContext, useContext } from "react";

// The CSP nonce of this response (app/entry.server.tsx provides it). In the browser it is "": browsers hide
// nonce attributes from the DOM, and scripts added after hydration come from /build ('self').
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
