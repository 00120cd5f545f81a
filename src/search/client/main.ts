// The script every page loads: the header box everywhere, the full search on /search/, both over
// one search worker that starts on first use.
import { SearchConnection } from "./connection.ts";
import { headerBox } from "./header-box.ts";
import { searchPage } from "./search-page.ts";

const conn = new SearchConnection();
headerBox(conn);
searchPage(conn);
