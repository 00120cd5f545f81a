// The script every page loads: the header search box everywhere, the full search on /search/ (both
// over one search worker that starts on first use), and the copy buttons.
import { SearchConnection } from "../search/client/connection.ts";
import { headerBox } from "../search/client/header-box.ts";
import { searchPage } from "../search/client/search-page.ts";
import { copyButtons } from "./copy.ts";

const conn = new SearchConnection();
headerBox(conn);
searchPage(conn);
copyButtons();
