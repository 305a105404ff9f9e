"""Fetch the Gambit .efg files that tests/extensive/test_gambit_catalogue.py compares against.

The files are Gambit's (https://github.com/gambitproject/gambit); they are not
shipped with cybergames (see README.md in this folder). Run

    python tests/extensive/data/gambit/fetch.py

to download them, each at the commit recorded below, into ``files/`` beside this
script (ignored by git). The catalogue test skips when the folder is empty.
Gambit's published catalogue (``catalog/``) ships with pygambit 17 as
``pygambit/catalog_data`` and is read from there by tests/extensive/test_gambit.py.
"""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

REPOSITORY = "gambitproject/gambit"
HERE = Path(__file__).resolve().parent
TARGET = HERE / "files"

#: (path in Gambit's repository, commit) for every two-or-more-player .efg test and contrib file.
MANIFEST = (
    ("tests/test_games/2_player_PI_2_dev_off_eq_path_const_sum.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/2_player_chance.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/2_player_chance_nonterm_outcomes_and_missing_term_outcomes.efg",
     "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/2_player_non_zero_sum.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/2_player_non_zero_sum_missing_term_outcome.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/3_player.efg", "fb1cd9b98e5e764facf2405e25e5134c7eaa84ea"),
    ("tests/test_games/3_player_PI_2_dev_off_eq_path.efg", "60936a4ba88f95bc0c59324c688d1257298a1975"),
    ("tests/test_games/3_player_PI_2_dev_off_eq_path_strict_dom_for_p1.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/3_player_perfect_info_1_move_each.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/3_player_with_nonterm_outcomes.efg", "1f72f4825cc55afb65965b0357da7102a79c2466"),
    ("tests/test_games/AM-driver-one-infoset.efg", "010baa61966286646335bd1a4defd65ac4303f25"),
    ("tests/test_games/AM-driver-subgame.efg", "4972451f4c2f7455e9b5a7645ec87ecf4b49907c"),
    ("tests/test_games/AM-subgames.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/AM-unary-branches.efg", "24d1158ee5d5655b60ce6f34c921be91525ddecf"),
    ("tests/test_games/AM-unary-hops.efg", "48ef9e2a41904295bf92eecf84289c5feb516cda"),
    ("tests/test_games/AM.efg", "bb8289ac4e8fc9429efb2a2ac2eea894906992fd"),
    ("tests/test_games/PI.efg", "29b6ecd3eae7d3919334a958fa399c1b5a735f53"),
    ("tests/test_games/STOC.efg", "68870996a1be9850c6ff86b661726750e43fa5a8"),
    ("tests/test_games/agent_form_eq_example.efg", "60929ecae9f448541bbda4f837732e17db243e8b"),
    ("tests/test_games/basic_extensive_game.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/binary_3_levels_generic_payoffs.efg", "014009f7f2107c447c70433d62a92b1692f12530"),
    ("tests/test_games/chance_in_middle.efg", "d1663781f29527b62453c77d987e32564f780e0f"),
    ("tests/test_games/chance_in_middle_with_nonterm_outcomes.efg", "60936a4ba88f95bc0c59324c688d1257298a1975"),
    ("tests/test_games/chance_root_3_moves_only_one_nonzero_prob.efg", "ad2ac44a98d209c641c7ff10c81b529f8ce2fff1"),
    ("tests/test_games/chance_root_5_moves_no_nonterm_player_nodes.efg", "ad2ac44a98d209c641c7ff10c81b529f8ce2fff1"),
    ("tests/test_games/e02.efg", "b96c025a091fc1ec86469e2405aa5aa997dd432a"),
    ("tests/test_games/el_farol_bar.efg", "72f36e629fdee6e570909946ab11c491dfb7a6f4"),
    ("tests/test_games/entry_accommodation.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/entry_accommodation_with_nonterm_outcomes.efg", "4c9c4611bfedd09fef49ddcb209547ca9fe5b2cf"),
    ("tests/test_games/gilboa-det.efg", "bb8289ac4e8fc9429efb2a2ac2eea894906992fd"),
    ("tests/test_games/gilboa-two-am-agents-deterministic.efg", "f3606ace88421d4db1243dfa28b179da22c9bca3"),
    ("tests/test_games/gilboa.efg", "bb8289ac4e8fc9429efb2a2ac2eea894906992fd"),
    ("tests/test_games/gilboa_two_am_agents.efg", "02b452b48381af30a0bce8562f6e3b8ae7d16093"),
    ("tests/test_games/label-collision.efg", "e6fadfb7725d757b45e93dc4b789c639f719399a"),
    ("tests/test_games/large_payoff_game.efg", "255afa44e291fc0e48517860c92bb064a7c944c2"),
    ("tests/test_games/mixed_behavior_game.efg", "ad2ac44a98d209c641c7ff10c81b529f8ce2fff1"),
    ("tests/test_games/multi-subgame.efg", "29b6ecd3eae7d3919334a958fa399c1b5a735f53"),
    ("tests/test_games/myerson_fig_4_2.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/nature_leaves_generic.efg", "79ada6e615adfb5fab87131db698e7f015896cf6"),
    ("tests/test_games/nature_leaves_nongeneric.efg", "79ada6e615adfb5fab87131db698e7f015896cf6"),
    ("tests/test_games/nature_rooted_generic.efg", "ec360a550e77372392e55ba36d776aa9d1caa732"),
    ("tests/test_games/nature_rooted_nongeneric.efg", "88dd1244b1e29bf181f1acef012e90913b409d12"),
    ("tests/test_games/noPR-AM-driver-one-player.efg", "c46ecd1294aa38775515b01524a832416182f725"),
    ("tests/test_games/noPR-AM-driver-two-players.efg", "c46ecd1294aa38775515b01524a832416182f725"),
    ("tests/test_games/noPR-action-AM-three-chain.efg", "0e2a09f4f998c499fe41ffabd37756ac2b1a1db0"),
    ("tests/test_games/noPR-action-AM-two-hops-unreached.efg", "f3606ace88421d4db1243dfa28b179da22c9bca3"),
    ("tests/test_games/noPR-action-AM-two-hops.efg", "c46ecd1294aa38775515b01524a832416182f725"),
    ("tests/test_games/noPR-action-AM.efg", "88dd1244b1e29bf181f1acef012e90913b409d12"),
    ("tests/test_games/noPR-action-AM2.efg", "02b452b48381af30a0bce8562f6e3b8ae7d16093"),
    ("tests/test_games/noPR-action-big-AM.efg", "f3606ace88421d4db1243dfa28b179da22c9bca3"),
    ("tests/test_games/noPR-action-selten-horse.efg", "02b452b48381af30a0bce8562f6e3b8ae7d16093"),
    ("tests/test_games/noPR-information-no-deflate.efg", "02b452b48381af30a0bce8562f6e3b8ae7d16093"),
    ("tests/test_games/non-COAable.efg", "88dd1244b1e29bf181f1acef012e90913b409d12"),
    ("tests/test_games/not_perfect_recall.efg", "4ac03bb0cce47dce5c96fe8dc7e7f43ce9b17217"),
    ("tests/test_games/perfect_info_with_chance.efg", "90742ee83be61fd9b3ccb10e3691fa15eb174aa6"),
    ("tests/test_games/perfect_recall.efg", "ad2ac44a98d209c641c7ff10c81b529f8ce2fff1"),
    ("tests/test_games/reduction_both_players_payoff_ties_GTE_survey.efg", "47b65002bc48b990c8bd9ed31bb0123d3dcac9c5"),
    ("tests/test_games/reduction_generic_payoffs.efg", "91a0258edbe864e254feb4adeb3ef126bc040060"),
    ("tests/test_games/reduction_one_player_generic_payoffs.efg", "90742ee83be61fd9b3ccb10e3691fa15eb174aa6"),
    ("tests/test_games/s-diff.efg", "29b6ecd3eae7d3919334a958fa399c1b5a735f53"),
    ("tests/test_games/sample_extensive_game.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/stripped_down_poker.efg", "16ac9bd52de43f1fbeb26603bf81a93b6490ee17"),
    ("tests/test_games/subgame-8-roots.efg", "fa12efb9b23d2e094774b5d6cf965ab093599716"),
    ("tests/test_games/subgame-roots-finder-multiple-roots-and-merge.efg", "50786ef1333814c4f71b7a8cde25ff587c381840"),
    ("tests/test_games/subgame-roots-finder-one-merge.efg", "c709fed0819063281f7145c701c54876b1a30467"),
    ("tests/test_games/subgame_roots_finder_overlapping_infosets_with_Nature.efg",
     "ce264eda61084a6e36d8e5d062557ab44d3ea4c0"),
    ("tests/test_games/subgame_roots_finder_small_subgames_and_overlapping_infosets.efg",
     "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/subgames.efg", "1fcbcbd1151f612b6a2e69b719d381729e054417"),
    ("tests/test_games/two_player_perfect_info_win_lose.efg", "39332acb4e435456a19438850e3fd1cdacc56b86"),
    ("tests/test_games/two_player_perfect_info_win_lose_with_nonterm_outcomes.efg",
     "39332acb4e435456a19438850e3fd1cdacc56b86"),
    ("tests/test_games/wichardt.efg", "02b452b48381af30a0bce8562f6e3b8ae7d16093"),
    ("tests/test_games/zerosum_efg_from_sequence_form_STOC94_paper.efg", "00b28c308ca3c8f22484e9a6b975a9a36c569dea"),
    ("contrib/games/2smp.efg", "5af380fda4ce612ea6b94a1677704fb9551fa111"),
    ("contrib/games/2x2x2.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/4cards.efg", "02e531e3bbbfc29a73c672b9e2a4218715ba7165"),
    ("contrib/games/badgame1.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/badgame2.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/bayes2a.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/bhg4.efg", "0d9c129028d76fc274ca10703450d4e46d1c534c"),
    ("contrib/games/caro2.efg", "6a2677a215b139b7f3022a20eb435426ec5ea111"),
    ("contrib/games/coord3.efg", "0523d86a0cd462d253d12c077e56cf83a5ecd330"),
    ("contrib/games/cross.efg", "6a2677a215b139b7f3022a20eb435426ec5ea111"),
    ("contrib/games/cs.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/holdout.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/holdout7.efg", "98463f809f5960284872bb590c30902cad82e158"),
    ("contrib/games/jury_un.efg", "6a2677a215b139b7f3022a20eb435426ec5ea111"),
    ("contrib/games/montyhal.efg", "0523d86a0cd462d253d12c077e56cf83a5ecd330"),
    ("contrib/games/my_2-4.efg", "0d9c129028d76fc274ca10703450d4e46d1c534c"),
    ("contrib/games/my_3-3c.efg", "0d9c129028d76fc274ca10703450d4e46d1c534c"),
    ("contrib/games/nim.efg", "689b7cd8aaf2a548189df18f1e40636faab28881"),
    ("contrib/games/nim7.efg", "0523d86a0cd462d253d12c077e56cf83a5ecd330"),
    ("contrib/games/palf2.efg", "6a2677a215b139b7f3022a20eb435426ec5ea111"),
    ("contrib/games/w_ex2.efg", "0d9c129028d76fc274ca10703450d4e46d1c534c"),
)


def fetch(target: Path = TARGET) -> list[Path]:
    """Download every file of :data:`MANIFEST` that is not yet in ``target``; return the paths written."""
    target.mkdir(exist_ok=True)
    written = []
    for path, commit in MANIFEST:
        local = target / Path(path).name
        if local.exists():
            continue
        url = f"https://raw.githubusercontent.com/{REPOSITORY}/{commit}/{path}"
        with urllib.request.urlopen(url, timeout=60) as response:    # noqa: S310 - a fixed https URL
            local.write_bytes(response.read())
        written.append(local)
    return written


if __name__ == "__main__":
    done = fetch()
    print(f"{len(done)} files written to {TARGET}", file=sys.stderr)
