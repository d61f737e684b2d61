import { setFreezeStates } from "../shared/engine/draft.ts";

// Every state a test produces is deep-frozen: a reducer that writes to a branch it shares with the previous
// state throws at once instead of silently rewriting history.
setFreezeStates(true);
