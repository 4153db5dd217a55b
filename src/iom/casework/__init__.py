"""IOM casework: referrals, plans across the pathways, actions, reviews, search, coverage."""
